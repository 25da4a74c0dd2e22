"""The one shape of an API error: {"error": {"status", "code", "message", "fields"?}}."""


def error_body(status_code: int, code: str, message: str, **extra) -> dict:
    return {"error": {"status": status_code, "code": code, "message": str(message), **extra}}
