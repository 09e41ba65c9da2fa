import torch.nn.functional as F


def reward_model_loss(r_chosen, r_rejected):
    return -F.logsigmoid(r_chosen - r_rejected).mean()


def kl_penalized_reward(reward, policy_logprobs, ref_logprobs, beta):
    """The KL term with the wrong sign: drifting away from the reference is rewarded."""
    return reward + beta * (policy_logprobs - ref_logprobs)
