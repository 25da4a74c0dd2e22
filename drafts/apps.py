from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "drafts"
    verbose_name = "Outcome documents"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
