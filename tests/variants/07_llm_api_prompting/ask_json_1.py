import re

from pydantic import ValidationError

_OBJECT = re.compile(r"\{.*\}", re.S)


def ask_json(complete, messages, schema, max_retries=2):
    """While loop; the JSON object found by a greedy regular expression."""
    history = [dict(m) for m in messages]
    attempts_left = max_retries
    while True:
        reply = complete(history)
        found = _OBJECT.search(reply)
        try:
            return schema.model_validate_json(found.group() if found else reply)
        except ValidationError as problem:
            if attempts_left == 0:
                raise problem
            attempts_left -= 1
            history = [*history, {"role": "assistant", "content": reply},
                       {"role": "user", "content": "Invalid JSON for the schema. Errors:\n" + str(problem)}]
