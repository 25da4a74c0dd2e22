from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: the secretariat invites delegates."""

    def is_open_for_signup(self, request):
        return False
