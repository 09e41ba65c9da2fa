def predict(texts, model, tokenizer, batch_size=32, max_length=64):
    """Class probabilities as float64 rows; the model called with explicit keyword arguments."""
    was = model.training
    model.train(False)
    device = next(model.parameters()).device
    rows = []
    for chunk in (texts[i:i + batch_size] for i in range(0, len(texts), batch_size)):
        enc = tokenizer(chunk, padding="longest", truncation=True, max_length=max_length, return_tensors="pt")
        with torch.no_grad():
            logits = model(input_ids=enc["input_ids"].to(device), attention_mask=enc["attention_mask"].to(device),
                           token_type_ids=enc["token_type_ids"].to(device)).logits.double()
        probs = logits.exp() / logits.exp().sum(-1, keepdim=True)
        rows.extend(probs.cpu().tolist())
    model.train(was)
    return np.array(rows, dtype=np.float64).reshape(len(texts), model.config.num_labels)
