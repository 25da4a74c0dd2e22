"""Adoption, Statement and Sponsorship (and their histories) now belong to the adoption app
(adoption.0001_initial creates them there in the state). Their tables stay as they are: this
only removes them from drafts' state."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("drafts", "0009_summit_and_meeting_in_programme"),
        ("adoption", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalAdoption"),
                migrations.DeleteModel(name="HistoricalSponsorship"),
                migrations.DeleteModel(name="HistoricalStatement"),
                migrations.DeleteModel(name="Adoption"),
                migrations.DeleteModel(name="Sponsorship"),
                migrations.DeleteModel(name="Statement"),
            ],
            database_operations=[],
        ),
    ]
