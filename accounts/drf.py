"""DRF permission classes built on the same predicates as the views."""

from rest_framework.permissions import BasePermission

from .permissions import is_verified_admin, is_verified_secretariat


class IsVerifiedSecretariat(BasePermission):
    """Secretariat (or admin) with TOTP set up. Calls the predicate itself: `has_perm()`
    would let any superuser through, second factor or not."""

    def has_permission(self, request, view) -> bool:
        return is_verified_secretariat(request.user)


class IsVerifiedAdmin(BasePermission):
    def has_permission(self, request, view) -> bool:
        return is_verified_admin(request.user)
