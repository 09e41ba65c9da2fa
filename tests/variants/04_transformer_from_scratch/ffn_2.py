class FeedForward(nn.Module):
    def __init__(self, d_model, d_ff, dropout=0.0):
        super().__init__()
        self.linear1 = nn.Linear(d_model, d_ff)
        self.drop = nn.Dropout(dropout)
        self.linear2 = nn.Linear(d_ff, d_model)

    def forward(self, x):
        # dropout zeroes and rescales by a positive factor, so it commutes with ReLU
        return self.linear2(self.drop(self.linear1(x)).clamp(min=0))
