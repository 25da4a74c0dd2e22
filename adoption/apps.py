from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "adoption"
    verbose_name = _("Adoption")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        # The rules, the page hooks, and the adoption's task (defined beside its service, in
        # services.py, where Celery's autodiscovery of `tasks` modules would not find it).
        from . import hooks, permissions, services  # noqa: F401
