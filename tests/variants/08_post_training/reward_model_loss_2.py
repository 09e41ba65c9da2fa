import torch


def reward_model_loss(r_chosen, r_rejected):
    """Sum divided by the batch size."""
    diff = r_chosen - r_rejected
    return -torch.nn.functional.logsigmoid(diff).sum() / diff.numel()


def kl_penalized_reward(reward, policy_logprobs, ref_logprobs, beta):
    """The sampled KL first, then the penalty."""
    kl = policy_logprobs - ref_logprobs
    return reward - kl * beta
