def sgns_loss(center: torch.Tensor, context: torch.Tensor, negatives: torch.Tensor) -> torch.Tensor:
    """bmm for the negative scores, then squeeze() without a dim: (B, 1) becomes (B,) when K = 1."""
    pos = F.logsigmoid((center * context).sum(dim=1))
    neg_scores = torch.bmm(negatives, center.unsqueeze(2)).squeeze()
    neg = F.logsigmoid(-neg_scores).sum(dim=-1)
    return -(pos + neg).mean()
