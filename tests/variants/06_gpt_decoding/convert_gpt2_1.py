import re

RENAME = {"attn.c_proj": "attn.w_o", "mlp.c_fc": "ffn.linear1", "mlp.c_proj": "ffn.linear2"}


def convert_gpt2_state_dict(hf_state):
    """One pass over the keys with a regular expression; c_attn split before transposing."""
    out = {}
    for key, value in hf_state.items():
        if key == "lm_head.weight":
            out[key] = value
            continue
        m = re.fullmatch(r"transformer\.h\.(\d+)\.(.+)\.(weight|bias)", key)
        if m is None:
            name = key.removeprefix("transformer.").replace("wte", "tok_emb").replace("wpe", "pos_emb")
            out[name] = value
            continue
        layer, module, kind = m.groups()
        prefix = f"blocks.{layer}."
        if module == "attn.c_attn":
            d = value.shape[-1] // 3
            for part, name in zip(value.split(d, dim=-1), ("w_q", "w_k", "w_v")):
                out[f"{prefix}attn.{name}.{kind}"] = part.T if kind == "weight" else part
        elif module in RENAME:
            out[f"{prefix}{RENAME[module]}.{kind}"] = value.T if kind == "weight" else value
        else:  # ln_1, ln_2
            out[f"{prefix}{module}.{kind}"] = value
    out.setdefault("lm_head.weight", hf_state["transformer.wte.weight"])
    return out
