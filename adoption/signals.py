"""What adoption tells the apps above it, which it does not know (subscriptions)."""

from django.dispatch import Signal

# A document has been adopted: sent once the adoption has committed, with
# sender=Adoption, adoption=<the Adoption>.
document_adopted = Signal()
