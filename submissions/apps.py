from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "submissions"
    verbose_name = _("Written submissions")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        from . import hooks, permissions  # noqa: F401  (registers the rules and the hooks)
