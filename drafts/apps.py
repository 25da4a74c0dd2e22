from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "drafts"
    verbose_name = "Outcome documents"

    def ready(self):
        from . import hooks, permissions  # noqa: F401  (register the hooks and the rules)
