def predict(texts, model, tokenizer, batch_size=32, max_length=64):
    """Class probabilities, batch by batch, with inference_mode and F.softmax."""
    model.eval()
    device = next(model.parameters()).device
    out = np.empty((0, model.config.num_labels), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            enc = tokenizer(list(texts[start:start + batch_size]), padding=True, truncation=True,
                            max_length=max_length, return_tensors="pt")
            logits = model(**{k: v.to(device) for k, v in enc.items()}).logits
            out = np.vstack([out, F.softmax(logits, dim=-1).cpu().numpy()])
    return out
