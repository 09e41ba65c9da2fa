def with_retries(call, max_attempts=5, base_delay=1.0, max_delay=30.0, sleep=time.sleep, jitter=random.random):
    """Retries every exception, client errors and errors without a status code included."""
    for attempt in range(max_attempts):
        try:
            return call()
        except Exception as error:
            if attempt == max_attempts - 1:
                raise
            response = getattr(error, "response", None)
            retry_after = response.headers.get("retry-after") if response is not None else None
            try:
                delay = float(retry_after)
                if delay < 0:
                    raise ValueError
            except (TypeError, ValueError):
                delay = jitter() * min(max_delay, base_delay * 2**attempt)
            sleep(delay)
