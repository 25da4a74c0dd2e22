from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registration"
    verbose_name = _("Registration and accreditation")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        from . import hooks, permissions  # noqa: F401  (registers the rules and the hooks)
