import torch.nn.functional as F


def reward_model_loss(r_chosen, r_rejected):
    """The batch sum instead of the batch mean."""
    return -F.logsigmoid(r_chosen - r_rejected).sum()


def kl_penalized_reward(reward, policy_logprobs, ref_logprobs, beta):
    return reward - beta * (policy_logprobs - ref_logprobs)
