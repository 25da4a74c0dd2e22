from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        # `sources` connects the lower apps' signals (what happened) to the outbox; `hooks`
        # fills the "Follow" slots of their pages and the profile.
        from . import hooks, sources  # noqa: F401
