from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AknConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "akn"
    verbose_name = _("Akoma Ntoso")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        from . import hooks  # noqa: F401  (fills the revision page's and the editor's slots)
