from django.apps import AppConfig


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = "Delegations"

    def ready(self):
        from . import hooks, permissions  # noqa: F401  (register the hooks and the rules)
