import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta):
    """Rewards first, then the loss as softplus of the negative margin."""
    with torch.no_grad():
        ref_c, ref_r = ref_chosen.clone(), ref_rejected.clone()
    chosen = beta * (policy_chosen - ref_c)
    rejected = beta * (policy_rejected - ref_r)
    loss = F.softplus(-(chosen - rejected)).mean()
    c, r = chosen.detach(), rejected.detach()
    return {"loss": loss, "chosen_rewards": c, "rejected_rewards": r,
            "margin": float((c - r).mean()), "accuracy": float((c > r).sum()) / len(c)}
