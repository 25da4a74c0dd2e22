from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    """The register of a meeting's documents: symbols, language versions, revisions, addenda
    and corrigenda. Above adoption: it lists the outcome drafts of a meeting beside its own
    documents and reads drafts' rules for them; submissions, search and subscriptions build on
    its service and signals."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "register"
    verbose_name = _("Document register")

    def ready(self):
        # Imported here, not at the top: they load models, which an AppConfig module must not.
        from . import hooks, permissions  # noqa: F401  (register the page hooks and the rules)
