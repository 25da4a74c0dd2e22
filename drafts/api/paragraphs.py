"""A revision's paragraphs as the API gives them: the one definition, used both for a draft
(typeset on each request) and for a published revision's editions, which store its output
as JSON text when the revision is published (drafts/editions.py)."""

from rest_framework import serializers

from drafts.models import Paragraph


class LineNumbersField(serializers.ListField):
    """A numbered paragraph's `lines`, (number, text) pairs: their numbers, or null when the
    paragraph has none."""

    def to_representation(self, lines):
        return [number for number, _text in lines] if lines else None


class ParagraphSerializer(serializers.Serializer):
    """A paragraph of a revision, numbered, with its line numbers in the edition of the
    request's language."""

    # Reads a paragraph numbered by drafts.editions.number_paragraphs and break_paragraphs.

    id = serializers.IntegerField()
    key = serializers.CharField(help_text="Stable across revisions: the same paragraph.")
    label = serializers.CharField(
        help_text="The citable label: PP1…, OP1…, H1… (in Russian ПП1…, ОП1…, З1…)."
    )
    number = serializers.IntegerField(allow_null=True, help_text="Operative paragraphs: 1, 2, …")
    position = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Paragraph.Kind.choices)
    text = serializers.CharField()
    negotiation = serializers.ChoiceField(choices=Paragraph.Negotiation.choices)
    lines = LineNumbersField(
        child=serializers.IntegerField(),
        allow_null=True,
        help_text="Line numbers of the paragraph in the line-numbered text, when known.",
    )
