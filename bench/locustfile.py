"""The simulated users of a session day, for bench/session_day.py (which seeds and serves).

Delegates log in through the login form (all from one address, as in the venue) and read the
reader, open a paragraph's threads, comment, amend and download PDFs; the secretariat, logged
in by a session made in the seed step (the second factor is not what is measured), works the
triage queue and answers; anonymous visitors read the public pages and the API. Request names
are the URL patterns, so the report has one line per kind of request.
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

SEED = json.loads(Path(os.environ["SESSION_DAY_SEED"]).read_text())
REVISIONS = SEED["revisions"]
OPEN = [r for r in REVISIONS if r["open"] and r["keys"]] or REVISIONS
DELEGATES = itertools.cycle(SEED["delegates"])
SECRETARIAT = itertools.cycle(SEED["secretariat_cookies"])
ANSWER = re.compile(r"/documents/comments/(\d+)/answer/")


class PortalUser(HttpUser):
    abstract = True

    def on_start(self):
        self.language = random.choice(SEED["languages"])
        self.client.headers["Accept-Language"] = self.language

    def plain_cookies(self):
        """Production cookies are Secure, and the bench speaks plain HTTP to 127.0.0.1 (there is
        no TLS proxy in front): the client would keep them to itself. requests copies the jar
        for each request (its cookie policy is not kept), so the flag itself is lifted."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def get(self, path, name):
        """A page in the user's language (its path under the language prefix) or the API."""
        self.plain_cookies()
        prefix = "" if path.startswith("/api/") else f"/{self.language}"
        return self.client.get(prefix + path, name=name)

    def post(self, path, data, name, expect=(302,), location=""):
        """A form's POST as the browser sends it; a failure unless the status is expected and
        the redirect (when one is expected) goes where it should."""
        self.plain_cookies()
        token = self.client.cookies.get("csrftoken", "")
        data = {**data, "csrfmiddlewaretoken": token}
        with self.client.post(
            f"/{self.language}{path}",
            data=data,
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in expect:
                response.failure(f"{response.status_code}: {response.text[:200]!r}")
            elif location not in response.headers.get("Location", location):
                response.failure(f"redirected to {response.headers.get('Location')}")
            return response


class Delegate(PortalUser):
    weight = 12
    wait_time = between(3, 12)

    def on_start(self):
        super().on_start()
        self.get("/accounts/login/", name="/accounts/login/")
        self.post(
            "/accounts/login/",
            {"login": next(DELEGATES), "password": SEED["password"]},
            name="/accounts/login/ (log in)",
        )

    @task(6)
    def read(self):
        revision = random.choice(REVISIONS)
        self.get(revision["path"], name="/documents/[slug]/rev/[n]/ (reader)")

    @task(5)
    def threads(self):
        revision = random.choice(OPEN)
        key = random.choice(revision["keys"])
        self.get(
            f"{revision['path']}threads/{key}/", name="/documents/[slug]/rev/[n]/threads/[key]/"
        )

    def open_form(self, revision) -> str:
        key = random.choice(revision["keys"])
        self.get(f"{revision['path']}form/{key}/", name="/documents/[slug]/rev/[n]/form/[key]/")
        return key

    @task(1)
    def comment(self):
        revision = random.choice(OPEN)
        self.post(
            f"{revision['path']}comment/",
            {
                "paragraph": self.open_form(revision),
                "kind": "comment",
                "body": "The delegation supports this paragraph and asks for a deadline.",
                "visibility": "all",
            },
            name="/documents/[slug]/rev/[n]/comment/ (comment)",
        )

    @task(1)
    def amend(self):
        revision = random.choice(OPEN)
        self.post(
            f"{revision['path']}comment/",
            {
                "paragraph": self.open_form(revision),
                "kind": "amendment",
                "body": "Clearer wording.",
                "proposed_text": "Decides to protect the mountain forests by 2030.",
                "visibility": "all",
            },
            name="/documents/[slug]/rev/[n]/comment/ (amendment)",
        )

    @task(1)
    def pdf(self):
        revision = random.choice(REVISIONS)
        language = random.choice(SEED["languages"])
        # The PDFs were made before the day: the request is answered with the file's address.
        response = self.post(
            f"{revision['pdf']}{language}/",
            {},
            name="/pdf/[slug]/rev/[n]/[language]/",
            location="/pdf/jobs/",
        )
        if "/pdf/jobs/" in response.headers.get("Location", ""):
            self.plain_cookies()
            self.client.get(response.headers["Location"], name="/pdf/jobs/[id]/download/")


class Secretariat(PortalUser):
    weight = 1
    wait_time = between(5, 20)

    def on_start(self):
        super().on_start()
        self.client.cookies.set(SEED["session_cookie"], next(SECRETARIAT))
        self.open = []

    @task(2)
    def triage(self):
        response = self.get("/documents/triage/?status=open", name="/documents/triage/")
        self.open = ANSWER.findall(response.text)

    @task(3)
    def answer(self):
        if not self.open:
            return self.triage()
        pk = self.open.pop(random.randrange(len(self.open)))
        # The triage page's csrftoken cookie; 302 back to triage, or 409 if another member of
        # the secretariat answered first (their own conflict, not a failure of the portal).
        self.post(
            f"/documents/comments/{pk}/answer/",
            {"status": random.choice(["accepted", "noted", "partly"]), "response": "Thank you."},
            name="/documents/comments/[id]/answer/",
            expect=(302, 409),
        )


class Visitor(PortalUser):
    weight = 6
    wait_time = between(2, 10)

    @task(3)
    def home(self):
        self.get("/", name="/ (home)")

    @task(2)
    def documents(self):
        self.get("/documents/", name="/documents/")
        self.get(random.choice(REVISIONS)["document"], name="/documents/[slug]/")

    @task(3)
    def reader(self):
        self.get(random.choice(REVISIONS)["path"], name="/documents/[slug]/rev/[n]/ (reader)")

    @task(1)
    def pages(self):
        path = random.choice(["/programme/", "/initiatives/", "/delegations/"])
        self.get(path, name=path)

    @task(3)
    def api(self):
        self.get("/api/v1/documents/", name="/api/v1/documents/")
        self.get(random.choice(REVISIONS)["api"], name="/api/v1/documents/[id]/revisions/[n]/")

    @task(1)
    def api_initiatives(self):
        self.get("/api/v1/initiatives/", name="/api/v1/initiatives/")
