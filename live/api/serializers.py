"""The live sessions' requests and answers (the answers are built by live/selectors.py; these
serializers describe them in the OpenAPI schema)."""

from django.conf import settings
from rest_framework import serializers

from drafts.models import PARAGRAPH_MAX_LENGTH, Paragraph
from portal.api import MAX_ID, StrictCharField, StrictIntegerField

KEY_MAX_LENGTH = 12


class LiveParagraphSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The paragraph's stable key (as in the draft).")
    label = serializers.CharField(help_text="OP3, PP2, OP3 bis… in the session's language.")
    kind = serializers.ChoiceField(choices=Paragraph.Kind.choices)
    text = serializers.CharField()
    negotiation = serializers.ChoiceField(choices=Paragraph.Negotiation.choices)
    version = serializers.IntegerField(help_text="Name it in an edit (optimistic locking).")
    inserted = serializers.BooleanField(help_text="Inserted in this session (“bis”).")
    other_out_of_date = serializers.BooleanField(
        help_text="Changed in this session: the other language's text is out of date."
    )
    changes = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2),
        help_text="Word changes since the session opened: [op, text], op being equal, "
        "insert or delete.",
    )


class LiveEditedParagraphSerializer(LiveParagraphSerializer):
    session_version = serializers.IntegerField()


class QueueEntrySerializer(serializers.Serializer):
    delegation = serializers.IntegerField()
    name = serializers.CharField()
    names = serializers.DictField(
        child=serializers.CharField(), help_text="The delegation's name in every language."
    )
    code = serializers.CharField()
    head = serializers.BooleanField(help_text="Asked by the head of delegation.")
    at = serializers.DateTimeField()


class LiveDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    symbol = serializers.CharField()
    title = serializers.CharField()


class LiveStateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    document = LiveDocumentSerializer()
    revision = serializers.IntegerField(help_text="The number of the draft revision.")
    language = serializers.ChoiceField(choices=settings.LANGUAGES)
    focus = serializers.CharField(help_text="The key of the paragraph under discussion.")
    version = serializers.IntegerField(help_text="The session's version (also its ETag).")
    is_public = serializers.BooleanField()
    open = serializers.BooleanField()
    paragraphs = LiveParagraphSerializer(many=True)
    queue = QueueEntrySerializer(many=True, help_text="Delegations asking for the floor, in order.")


class LiveOpenSerializer(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="The language edition worked on; the portal's default when left out.",
    )
    is_public = serializers.BooleanField(required=False, default=False)


class LiveEditSerializer(serializers.Serializer):
    version = StrictIntegerField(min_value=1, max_value=MAX_ID)
    text = StrictCharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=PARAGRAPH_MAX_LENGTH
    )
    negotiation = serializers.ChoiceField(choices=Paragraph.Negotiation.choices, required=False)


class LiveInsertSerializer(serializers.Serializer):
    text = StrictCharField(
        required=False, allow_blank=True, default="", max_length=PARAGRAPH_MAX_LENGTH
    )


class LiveFocusSerializer(serializers.Serializer):
    key = StrictCharField(max_length=KEY_MAX_LENGTH)


class LiveFloorSerializer(serializers.Serializer):
    delegation = StrictIntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        help_text="Secretariat: the delegation whose request leaves the queue (it has the "
        "floor). Left out: ask for the floor for your delegation, or withdraw its request.",
    )


class LiveFloorAnswerSerializer(serializers.Serializer):
    requested = serializers.BooleanField(help_text="Whether your delegation is now in the queue.")
    queue = QueueEntrySerializer(many=True)


class LiveFocusAnswerSerializer(serializers.Serializer):
    focus = serializers.CharField()
    version = serializers.IntegerField()


class LiveCloseAnswerSerializer(serializers.Serializer):
    revision = serializers.IntegerField(help_text="The number of the draft revision written.")
