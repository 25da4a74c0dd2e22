import pytest

from drafts.services import revision_publish
from tests.factories import ParagraphFactory, RevisionFactory

RU_LONG = (
    "призывает государства региона, включая Республику Казахстан, Кыргызскую Республику, "
    "Республику Таджикистан, Туркменистан и Республику Узбекистан, укреплять сотрудничество "
    "в области охраны трансграничных водных ресурсов, сохранения биологического разнообразия "
    "и восстановления деградировавших земель в бассейне Аральского моря"
)
EN_LONG = (
    "calls upon the States of the region, including the Republic of Kazakhstan, the Kyrgyz "
    "Republic, the Republic of Tajikistan, Turkmenistan and the Republic of Uzbekistan, to "
    "strengthen cooperation on the protection of transboundary water resources, the "
    "conservation of biological diversity and the restoration of degraded land in the "
    "Aral Sea basin"
)


def make_long_revision(paragraphs: int = 24, *, document=None):
    """A revision long enough for several pages, with every kind of paragraph."""
    revision = RevisionFactory(**({"document": document} if document else {}))
    ParagraphFactory(
        revision=revision,
        kind="heading",
        position=1,
        text_ru="Зелёный щит: совместные действия",
        text_en="Green Shield: joint action",
    )
    for position in range(2, 5):
        ParagraphFactory(
            revision=revision,
            kind="preambular",
            position=position,
            text_ru=f"признавая {position}, что {RU_LONG},",
            text_en=f"recognising {position} that it {EN_LONG},",
        )
    for position in range(5, paragraphs + 1):
        ParagraphFactory(
            revision=revision,
            kind="operative",
            position=position,
            negotiation="bracketed" if position % 7 == 0 else "agreed",
            text_ru=f"{position}: {RU_LONG};",
            text_en=f"{position}: {EN_LONG};",
        )
    return revision


@pytest.fixture
def long_revision(secretariat):
    return revision_publish(revision=make_long_revision(), user=secretariat)


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs the transaction.on_commit callbacks, as a real request does after its commit."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = function(**kwargs)
        if hasattr(result, "refresh_from_db"):
            result.refresh_from_db()
        return result

    return run


def _reset_broker_connections(app):
    app._pool = None
    if "amqp" in app.__dict__:
        app.amqp._producer_pool = None


class DeadBroker:
    def __init__(self, monkeypatch, app):
        self.monkeypatch = monkeypatch
        self.app = app

    def close(self):
        """Redis is back: the test settings' eager tasks again."""
        self.monkeypatch.undo()
        _reset_broker_connections(self.app)


@pytest.fixture
def broker_down(monkeypatch):
    """Tasks are really published, to a Redis port nobody listens on (as when Redis is down).

    A SIGALRM guard fails the test instead of letting a hanging publish hang the suite.
    """
    import signal

    from summit.celery import app

    def hang(signum, frame):
        raise AssertionError("publishing to a dead broker hung")

    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:6390/0")
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    _reset_broker_connections(app)
    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(30)
    broker = DeadBroker(monkeypatch, app)
    yield broker
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
    broker.close()
