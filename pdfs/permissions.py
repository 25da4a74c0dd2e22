"""Who may follow a PDF job through the API: the people who asked for it, and the secretariat.

Jobs are shared: asking for the same revision, language and template returns the one stored
job, so a job has many requesters while the row remembers only the first (`requested_by`),
and an anonymous requester has no account to remember at all. The answer to a request
therefore carries a requester key, a signature of the job and the person who asked (their
account, or "anonymous"), and the job's status URL includes it. Holding the key for yourself
is what makes you a requester; anyone else gets a 404, as if the job did not exist.

The file itself stays readable by everyone who may read the revision (the download view
checks `drafts.read_revision`): published revisions are public, so their PDFs are too. Only
the job (who asked, when, what failed) is the requester's business.
"""

from dataclasses import dataclass

import rules
from django.core.signing import Signer
from django.utils.crypto import constant_time_compare

from accounts.permissions import acts_as_secretariat
from drafts.access import may_read_revision

from .models import PdfJob

_SIGNER = Signer(salt="pdfs.job-requester")


@dataclass(frozen=True)
class JobAsked:
    """A job as a client presents it: with the requester key it was given, if any."""

    job: PdfJob
    key: str = ""


def _requester_value(job: PdfJob, user) -> str:
    who = user.pk if user is not None and user.is_authenticated else "anonymous"
    return f"{job.pk}:{who}"


def pdf_job_requester_key(job: PdfJob, user) -> str:
    return _SIGNER.signature(_requester_value(job, user))


@rules.predicate
def is_pdf_job_requester(user, asked: JobAsked) -> bool:
    if asked is None:
        return False
    if user.is_authenticated and asked.job.requested_by_id == user.pk:
        return True
    expected = pdf_job_requester_key(asked.job, user)
    return bool(asked.key) and constant_time_compare(asked.key, expected)


@rules.predicate
def job_revision_readable(user, asked: JobAsked) -> bool:
    # Keys and `requested_by` outlive roles: whoever asked for a draft's PDF while in the
    # secretariat, and has left it since, must lose the job along with the draft.
    return asked is not None and may_read_revision(user, asked.job.revision)


rules.add_perm(
    "pdfs.view_pdf_job", (acts_as_secretariat | is_pdf_job_requester) & job_revision_readable
)
