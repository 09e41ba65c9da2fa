import random
import time


def with_retries(call, max_attempts=5, base_delay=1.0, max_delay=30.0, sleep=time.sleep, jitter=random.random):
    """A while loop and a helper for the Retry-After header."""
    def server_wait(err):
        resp = getattr(err, "response", None)
        if resp is None:
            return None
        try:
            seconds = float(resp.headers["retry-after"])
        except (KeyError, ValueError, TypeError):
            return None
        return seconds if seconds >= 0 else None

    attempt = 0
    while True:
        try:
            return call()
        except Exception as err:
            code = getattr(err, "status_code", None)
            transient = isinstance(code, int) and (code == 429 or 500 <= code)
            attempt += 1
            if not transient or attempt >= max_attempts:
                raise
            wait = server_wait(err)
            if wait is None:
                wait = jitter() * min(max_delay, base_delay * (2 ** (attempt - 1)))
            sleep(wait)
