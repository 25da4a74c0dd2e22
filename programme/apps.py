from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    """The summit's programme: the summit itself, its meetings and their agendas. At the bottom
    of the domain: documents, adoptions and delegation pages point at it, it points at none."""

    name = "programme"
    verbose_name = "Programme"
