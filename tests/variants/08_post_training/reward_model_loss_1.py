import torch.nn.functional as F


def reward_model_loss(r_chosen, r_rejected):
    """softplus(-(a - b)) is -log sigmoid(a - b)."""
    return F.softplus(r_rejected - r_chosen).mean()


def kl_penalized_reward(reward, policy_logprobs, ref_logprobs, beta):
    """The penalty written as beta * (ref - policy), added."""
    return reward + beta * (ref_logprobs - policy_logprobs)
