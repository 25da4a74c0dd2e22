from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "live"
    verbose_name = _("Live negotiation")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        from . import hooks, permissions  # noqa: F401  (register the page hooks and the rules)
