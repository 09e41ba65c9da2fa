def ask_json(complete, messages, schema, max_retries=2):
    """Retries on every exception, not only on a ValidationError; the last one is raised."""
    conversation = list(messages)
    last = None
    for _ in range(max_retries + 1):
        try:
            reply = complete(conversation)
            start, end = reply.find("{"), reply.rfind("}")
            text = reply[start:end + 1] if 0 <= start < end else reply
            return schema.model_validate_json(text)
        except ValidationError as error:
            last = error
            conversation = conversation + [{"role": "assistant", "content": reply},
                                           {"role": "user", "content": f"Invalid JSON: {error}"}]
        except Exception as error:  # noqa: BLE001
            last = error
    raise last
