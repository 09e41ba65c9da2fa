def sgns_loss(center: torch.Tensor, context: torch.Tensor, negatives: torch.Tensor) -> torch.Tensor:
    """bmm for the negative scores, softplus(-x) = -log σ(x)."""
    pos = F.softplus(-(center * context).sum(-1))
    neg_scores = torch.bmm(negatives, center.unsqueeze(-1)).squeeze(-1)
    neg = F.softplus(neg_scores).sum(-1)
    return (pos + neg).mean()
