import torch
from torch.nn.functional import logsigmoid


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta):
    """pi_logratios minus ref_logratios, as in the DPO paper's code."""
    pi_logratios = policy_chosen - policy_rejected
    ref_logratios = (ref_chosen - ref_rejected).detach()
    losses = -logsigmoid(beta * (pi_logratios - ref_logratios))
    chosen_rewards = beta * (policy_chosen.detach() - ref_chosen.detach())
    rejected_rewards = beta * (policy_rejected.detach() - ref_rejected.detach())
    wins = torch.gt(chosen_rewards, rejected_rewards).to(torch.float32)
    return dict(loss=torch.mean(losses), chosen_rewards=chosen_rewards, rejected_rewards=rejected_rewards,
                margin=torch.mean(chosen_rewards - rejected_rewards).item(), accuracy=wins.mean().item())
