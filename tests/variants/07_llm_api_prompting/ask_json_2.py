import pydantic


def _extract(reply):
    first, last = reply.find("{"), reply.rfind("}")
    if first == -1 or last <= first:
        return reply
    return reply[first:last + 1]


def ask_json(complete, messages, schema, max_retries=2):
    """Recursive: one attempt, then the same question with the error appended."""
    def attempt(conversation, retries_left):
        reply = complete(conversation)
        try:
            return schema.model_validate_json(_extract(reply))
        except pydantic.ValidationError as exc:
            if retries_left <= 0:
                raise
            fix = f"Please fix your answer. Validation said:\n{exc}"
            return attempt(conversation + [{"role": "assistant", "content": reply}, {"role": "user", "content": fix}],
                           retries_left - 1)
    return attempt(list(messages), max_retries)
