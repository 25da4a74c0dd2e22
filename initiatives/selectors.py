from decimal import Decimal

from django.db.models import Prefetch, Sum

from .models import FundingEntry, Indicator, Initiative, Outcome, Output


def initiative_detail_queryset():
    return Initiative.objects.select_related("lead_delegation").prefetch_related(
        "partners",
        "tags",
        "sections",
        Prefetch(
            "outcomes",
            queryset=Outcome.objects.prefetch_related(
                Prefetch(
                    "outputs",
                    queryset=Output.objects.prefetch_related(
                        Prefetch("indicators", queryset=Indicator.objects.order_by("position"))
                    ),
                )
            ),
        ),
        Prefetch("funding", queryset=FundingEntry.objects.select_related("source")),
    )


def funding_totals(initiative: Initiative) -> list[dict]:
    """Totals per status and currency, in the order pledged → committed → disbursed."""
    rows = {
        (row["status"], row["currency"]): row["total"]
        for row in initiative.funding.values("status", "currency").annotate(total=Sum("amount"))
    }
    return [
        {"status": status, "label": label, "currency": currency, "total": total or Decimal(0)}
        for status, label in FundingEntry.Status.choices
        for (row_status, currency), total in sorted(rows.items())
        if row_status == status
    ]
