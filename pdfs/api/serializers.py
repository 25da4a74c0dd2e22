from rest_framework import serializers

from pdfs import documents
from pdfs.models import PdfJob


class PdfRequestSerializer(serializers.Serializer):
    lang = serializers.ChoiceField(
        choices=documents.available_languages(), help_text="Language of the PDF"
    )


class PdfJobSerializer(serializers.Serializer):
    """Reads the dict of `pdfs.api.views.job_answer`; the fields are the API's contract."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=PdfJob.Status.choices,
        help_text="pending (not yet handed to the queue), queued, rendering, ready or failed",
    )
    status_label = serializers.CharField(help_text="The status in the client's language")
    message = serializers.CharField(help_text="What to tell the person waiting for the file")
    error = serializers.CharField(
        allow_blank=True, help_text="Why the job failed (empty unless failed)"
    )
    language = serializers.CharField(help_text="Language of the PDF (as `lang` when asked)")
    revision = serializers.CharField(help_text="The document symbol and revision")
    pages = serializers.IntegerField(allow_null=True)
    sha256 = serializers.CharField(allow_null=True, help_text="Digest of the file, once ready")
    created_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    status_url = serializers.URLField(
        help_text="Where to follow the job; it carries your requester key, keep it whole"
    )
    file_url = serializers.URLField(
        allow_null=True, help_text="The PDF, once ready (readable by whoever may read the revision)"
    )
