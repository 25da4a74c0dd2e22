"""What happens to calls for written inputs, for the apps above (subscriptions) to act on.

Every signal is sent after the transaction that made it true has committed (portal.tasks
.after_commit), so a receiver reads rows that exist and never acts on a rolled-back write.

- `call_opened`: sender=Call, call=<Call>: the secretariat opened a call.
- `call_published`: sender=Call, call=<Call>, document=<register.Document>: the submissions
  are issued as one MISC document. `submission_published` is the same signal under the name
  a follower of submissions may look for: connect to either, a receiver runs once.
"""

from django.dispatch import Signal

call_opened = Signal()
call_published = Signal()
submission_published = call_published
