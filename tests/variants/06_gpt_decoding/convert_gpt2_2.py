import torch


def convert_gpt2_state_dict(hf_state):
    """Layer count from the largest index; contiguous copies of every tensor."""
    n_layers = 1 + max(int(k.split(".")[2]) for k in hf_state if k.startswith("transformer.h."))
    wte = hf_state["transformer.wte.weight"]
    new = {
        "tok_emb.weight": wte.clone(),
        "pos_emb.weight": hf_state["transformer.wpe.weight"].clone(),
        "ln_f.weight": hf_state["transformer.ln_f.weight"].clone(),
        "ln_f.bias": hf_state["transformer.ln_f.bias"].clone(),
        "lm_head.weight": (hf_state["lm_head.weight"] if "lm_head.weight" in hf_state else wte).clone(),
    }
    for i in range(n_layers):
        def get(name, i=i):
            return hf_state[f"transformer.h.{i}.{name}"]

        W = torch.transpose(get("attn.c_attn.weight"), 0, 1).contiguous()  # (3d, d): rows q, k, v
        q_w, k_w, v_w = torch.tensor_split(W, 3, dim=0)
        q_b, k_b, v_b = torch.tensor_split(get("attn.c_attn.bias"), 3)
        layer = {
            "ln_1.weight": get("ln_1.weight"), "ln_1.bias": get("ln_1.bias"),
            "ln_2.weight": get("ln_2.weight"), "ln_2.bias": get("ln_2.bias"),
            "attn.w_q.weight": q_w, "attn.w_k.weight": k_w, "attn.w_v.weight": v_w,
            "attn.w_q.bias": q_b, "attn.w_k.bias": k_b, "attn.w_v.bias": v_b,
            "attn.w_o.weight": get("attn.c_proj.weight").t(), "attn.w_o.bias": get("attn.c_proj.bias"),
            "ffn.linear1.weight": get("mlp.c_fc.weight").t(), "ffn.linear1.bias": get("mlp.c_fc.bias"),
            "ffn.linear2.weight": get("mlp.c_proj.weight").t(), "ffn.linear2.bias": get("mlp.c_proj.bias"),
        }
        new.update({f"blocks.{i}.{k}": v.clone() for k, v in layer.items()})
    return new
