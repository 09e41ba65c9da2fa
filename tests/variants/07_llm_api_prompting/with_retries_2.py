import random
import time

RETRYABLE = lambda status: status is not None and (status == 429 or status >= 500)  # noqa: E731


def _retry_after(error):
    headers = getattr(getattr(error, "response", None), "headers", None) or {}
    value = headers.get("Retry-After")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds >= 0 else None


def with_retries(call, max_attempts=5, base_delay=1.0, max_delay=30.0, sleep=time.sleep, jitter=random.random):
    """Retries in a for loop; the last attempt outside it."""
    for n in range(max_attempts - 1):
        try:
            return call()
        except Exception as error:  # noqa: BLE001
            if not RETRYABLE(getattr(error, "status_code", None)):
                raise
            delay = _retry_after(error)
            sleep(delay if delay is not None else jitter() * min(max_delay, base_delay * 2**n))
    return call()
