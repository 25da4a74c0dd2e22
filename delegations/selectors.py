from .models import Delegation


def delegations_by_kind() -> list[tuple[str, list[Delegation]]]:
    """Delegations grouped by kind, member states first, in their sort order (one query)."""
    groups: dict[str, list[Delegation]] = {kind: [] for kind in Delegation.Kind.values}
    for delegation in Delegation.objects.all():
        groups[delegation.kind].append(delegation)
    labels = dict(Delegation.Kind.choices)
    return [(labels[kind], members) for kind, members in groups.items() if members]
