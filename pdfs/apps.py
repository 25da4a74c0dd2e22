from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PdfsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pdfs"
    verbose_name = _("PDF documents")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        from consultation.compilation import compilation_format_register

        from . import hooks, permissions  # noqa: F401  (register the hooks and the rules)
        from .compilation import compilation_pdf

        # The compilation as a PDF table, beside the consultation's CSV and XLSX, on the page and in the
        # API (rendered in the request: why, in pdfs/compilation.py).
        compilation_format_register("pdf", "application/pdf", compilation_pdf)
