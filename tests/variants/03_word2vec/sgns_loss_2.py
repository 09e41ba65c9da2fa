def sgns_loss(center, context, negatives):
    """Scores for the true and the noise words stacked, with signs +1 / -1."""
    scores = torch.cat([(center * context).sum(-1, keepdim=True),
                        -(negatives @ center.unsqueeze(-1)).squeeze(-1)], dim=1)
    return -F.logsigmoid(scores).sum(dim=1).mean()
