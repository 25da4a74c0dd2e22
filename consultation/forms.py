"""Forms parse and check the shape of input; the rules themselves live in services/."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from drafts.models import MAX_LINE, OutcomeDocument
from drafts.selectors import parse_label
from portal.ids import parse_id

from .models import COMMENT_MAX_LENGTH, Comment, Position


class CommentForm(forms.Form):
    paragraph = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=Comment.Kind.choices, initial="comment")
    body = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    proposed_text = forms.CharField(
        label=_("Proposed text"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_(
            "For an amendment: the whole paragraph as you propose it. For a new paragraph: its text."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"), choices=Comment.Visibility.choices, initial="all"
    )
    # Lines cited, as the reader numbers them in one language edition; the reader's line
    # numbers fill them in.
    # consultation/_cite_lines.html draws them as choices among the paragraph's lines.
    line_first = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_LINE, widget=forms.HiddenInput
    )
    line_last = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_LINE, widget=forms.HiddenInput
    )
    cited_language = forms.ChoiceField(
        required=False, choices=settings.LANGUAGES, widget=forms.HiddenInput
    )


class CommentEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
    proposed_text = forms.CharField(
        label=_("Proposed text"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Comment.Status.choices)
    response = forms.CharField(
        label=_("Response"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=300)


class PositionForm(forms.Form):
    stance = forms.ChoiceField(label=_("Position"), choices=Position.Stance.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class TriageFilterForm(forms.Form):
    """Filters arrive in the query string; a bad value is reported, never a server error."""

    document = forms.ModelChoiceField(
        label=_("Document"), queryset=OutcomeDocument.objects.all(), required=False
    )
    revision = forms.IntegerField(label=_("Revision number"), required=False, min_value=1)
    delegation = forms.ModelChoiceField(
        label=_("Delegation"), queryset=Delegation.objects.all(), required=False
    )
    paragraph = forms.CharField(
        label=_("Paragraph"), required=False, max_length=12, help_text=_("e.g. OP3 or PP2")
    )

    def clean_paragraph(self) -> str:
        label = self.cleaned_data["paragraph"]
        if label and parse_label(label) is None:
            raise forms.ValidationError(_("Give a paragraph's label, such as OP3 or PP2."))
        return label

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *Comment.Kind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *Comment.Status.choices], required=False
    )


class BulkStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Comment.Status.choices)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.ids = [parse_id(value) for value in (data.getlist("comments") if data else [])]

    def clean(self):
        if not self.ids or None in self.ids or len(self.ids) > 200:
            raise forms.ValidationError(_("Choose up to 200 comments."))
        return super().clean()
