"""View decorators built on the role predicates of accounts/permissions.py.

`secretariat_required` is the one gate of every secretariat screen, so that a stronger
check (for example multi-factor authentication) can be added here once for all of them.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .permissions import is_secretariat


def secretariat_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_secretariat(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
