from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PdfsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pdfs"
    verbose_name = _("PDF documents")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
