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
    """Totals per status and currency, pledged → committed → disbursed, each with its bar
    length relative to the largest total (for the chart)."""
    sums = {
        (row["status"], row["currency"]): row["total"]
        for row in initiative.funding.values("status", "currency").annotate(total=Sum("amount"))
    }
    largest = max(sums.values(), default=Decimal(0))
    return [
        {
            "status": status,
            "label": label,
            "currency": currency,
            "total": total,
            "percent": int(total * 100 / largest) if largest else 0,
        }
        for status, label in FundingEntry.Status.choices
        for (row_status, currency), total in sorted(sums.items())
        if row_status == status
    ]
