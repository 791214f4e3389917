"""Text of the fictional paper rendered into ``corpora/demo/pdf.pdf``.

One string per PDF page. The paper, its authors and all its numbers are invented
for the demo corpus; the works in its reference list are real.
"""

TITLE = "WHERE DOES THE PROBABILITY GO? MASS MIGRATION IN PREFERENCE FINETUNING"
AUTHORS = ["Mara Okafor", "Wei-Lin Chen", "Tomas Lindqvist"]
VENUE = "Published as a conference paper at ICLR 2025"

PAGES: list[str] = [
    # ------------------------------------------------------------------ page 1
    f"""{VENUE}

{TITLE}

Mara Okafor                    Wei-Lin Chen                       Tomas Lindqvist
University of Edinburgh        National University of Singapore   KTH Royal Institute of Technology
m.okafor@ed.ac.uk              weilin.chen@nus.edu.sg             tlindq@kth.se

ABSTRACT

Preference finetuning methods such as direct preference optimization (DPO) are now a
standard step after supervised finetuning (SFT) of large language models. Yet practitioners
repeatedly observe that long DPO runs lower the likelihood of the very responses that were
labelled as preferred. We study where the probability mass removed from responses goes. We
decompose the per-step change of a model's log-probabilities into an anchor term, a kernel
term and a residual term, and show that the negative gradient applied to an unlikely rejected
response migrates mass towards the response that is already most likely, a phenomenon we call
mass migration. Across four models (Pythia-410M, Pythia-1.4B, Qwen1.5-0.5B and Qwen1.5-1.8B)
and two preference datasets (Anthropic-HH and UltraFeedback), off-policy DPO lowers the
log-probability of the chosen responses by up to 4.7 nats after 8 epochs, while the share of
probability held by the single most likely continuation rises from 31% to 78%. We propose
Mirror-SFT, a two-epoch SFT stage on both chosen and rejected responses before DPO, which
reduces the decline of chosen log-probabilities by 62% and raises the win rate against the
SFT baseline from 51.2% to 58.9% on Anthropic-HH. Code: github.com/mokafor/mass-migration.

1 INTRODUCTION

Aligning a pretrained language model with human preferences usually proceeds in two stages:
supervised finetuning on demonstrations, followed by preference optimisation on pairs of a
chosen and a rejected response (Ouyang et al., 2022). Direct preference optimization removes
the explicit reward model and the reinforcement-learning loop of RLHF by optimising a
classification loss on the preference pairs (Rafailov et al., 2023). Its simplicity has made
it the default preference method in many open-source pipelines.""",
    # ------------------------------------------------------------------ page 2
    """A puzzling observation accompanies this success. When DPO is run for more than a few
epochs, the log-probability of the chosen responses decreases together with that of the
rejected responses, even though the loss keeps improving. The model becomes more confident,
its outputs become shorter and more repetitive, and answers to one question start to reuse
phrases that belong to another. Degenerate repetition of this kind has long been known for
likelihood-trained models under greedy decoding (Holtzman et al., 2020), but why preference
finetuning makes it worse has not been explained.

In this paper we follow the probability mass instead of the loss. Our analysis builds on the
empirical neural tangent kernel (Jacot et al., 2018), which describes how an update on one
example changes the model's predictions on other examples. Applied to sequences, it tells us
which responses gain the probability that DPO removes from the rejected ones.

Our contributions are:
(1) A step-wise decomposition of the change in log-probability of any response into an anchor
term, a kernel term and a residual term, valid for SFT, DPO and their on-policy variants
(Section 4).
(2) The identification of mass migration: a negative gradient applied to an already unlikely
response moves probability towards the most likely response, and the effect grows with how
peaked the distribution is (Section 5).
(3) A controlled study on four models and two datasets that measures the migration, its link
to repetition and to cross-question phrase reuse, and its absence in on-policy training
(Sections 6 and 7).
(4) Mirror-SFT, a simple change to the SFT stage that pre-lifts the rejected responses and
reduces the decline of chosen log-probabilities by 62% (Section 8).

We stress that our experiments cover models of at most 1.8 billion parameters and English
data only; Section 9 discusses what may change at larger scale.""",
    # ------------------------------------------------------------------ page 3
    """2 RELATED WORK

Preference optimisation. Reinforcement learning from human feedback trains a reward model on
human comparisons and then optimises the policy with PPO (Schulman et al., 2017; Ouyang et al.,
2022). Bai et al. (2022) released the Anthropic-HH dataset of helpfulness and harmlessness
comparisons that we use in our experiments. DPO (Rafailov et al., 2023) shows that the
optimal policy of the KL-regularised reward objective can be fitted directly with a logistic
loss on preference pairs. Tajwar et al. (2024) compare on-policy and off-policy preference
data and argue that methods with a negative gradient on sampled responses learn faster; our
analysis explains where the mass pushed away by such gradients goes.

Instruction tuning. Finetuning on instructions phrased as natural language improves zero-shot
generalisation (Wei et al., 2022). UltraFeedback (Cui et al., 2023) provides fine-grained
AI feedback on completions from many models and is widely used as a preference dataset.

Learning dynamics. The neural tangent kernel (Jacot et al., 2018) describes the evolution of a
network's outputs under gradient descent in the infinite-width limit; its empirical version
has been used to study which training examples influence which predictions. We extend this
view from classification to the sequence-level distributions of language models.

Degeneration. Holtzman et al. (2020) showed that likelihood-trained language models produce
bland and repetitive text under greedy or beam decoding and proposed nucleus sampling. They
attribute repetition to the probability distribution concentrating on a few high-likelihood
continuations, a pattern that we find is amplified by off-policy preference finetuning.

Model families. Pythia (Biderman et al., 2023) offers models of many sizes trained on the same
data in the same order, which makes controlled comparisons possible. Qwen1.5 (Bai et al.,
2023) is a family of open multilingual models with strong chat variants.""",
    # ------------------------------------------------------------------ page 4
    """3 BACKGROUND

Let pi_theta(y | x) be the probability that a language model with parameters theta assigns to a
response y given a prompt x, written as a product of per-token softmax probabilities.

Supervised finetuning minimises the negative log-likelihood of demonstration responses,
L_SFT = - log pi_theta(y+ | x). Its gradient only ever raises the probability of the observed
response; every other response can lose probability only through the softmax normalisation.

DPO starts from a reference model pi_ref, usually the SFT model, and a dataset of triples
(x, y+, y-) of a prompt, a chosen response and a rejected response. It minimises
L_DPO = - log sigma( beta [ log pi_theta(y+|x)/pi_ref(y+|x) - log pi_theta(y-|x)/pi_ref(y-|x) ] ),
where sigma is the logistic function and beta controls the strength of the implicit KL
regularisation. We use beta = 0.1 throughout, the value recommended by Rafailov et al. (2023).

The DPO gradient has two parts: a positive gradient on the chosen response and a negative
gradient on the rejected response, both scaled by the same factor sigma(-margin). When the
data are off-policy, i.e. the rejected responses were not sampled from the current model, the
rejected response is often already very unlikely under pi_theta, and the negative gradient
acts on a response that lies deep in the tail of the distribution.

On-policy variants sample the responses of each pair from the current policy and label them
with a reward model or a judge. Their rejected responses are by construction likely under the
model, so the negative gradient acts near the head of the distribution instead of its tail.
This distinction between tail and head turns out to be central to the behaviour we study.""",
    # ------------------------------------------------------------------ page 5
    """4 A STEP-WISE DECOMPOSITION OF MASS MIGRATION

Consider one gradient step of size eta on a training example (x_u, y_u). We ask how the
log-probability of an arbitrary observed response y_o to a prompt x_o changes. A first-order
expansion gives

    Delta log pi(y_o | x_o)  =  - eta * A(x_o) * K(x_o, x_u) * G(x_u, y_u)  +  O(eta^2),

where A(x_o) is the Jacobian of the log-softmax at x_o, K(x_o, x_u) is the empirical neural
tangent kernel between the two inputs, and G(x_u, y_u) is the gradient of the loss with
respect to the logits at the training example.

Each factor has a clear role. We call A the anchor term: it depends only on the current
distribution at x_o and determines how a change of logits is shared among all responses. We
call K the kernel term: it measures how similar the two inputs are for the network, so that
learning on x_u spills over to a similar x_o. We call G the residual term: it is the only
factor that depends on the loss, and it is where SFT and DPO differ.

For SFT, G points towards the demonstration y_u: its probability rises, and responses to
similar prompts that share tokens with y_u rise with it through K. For DPO, G contains an
additional component pointing away from the rejected response. The anchor term then decides
which responses receive the probability that this component removes.

The decomposition is exact up to second order and is cheap to evaluate on a probing set: we
compute A and G exactly and approximate K with the gradients of the last two transformer
blocks, which captures 91% of the variance of the full kernel on Pythia-410M.""",
    # ------------------------------------------------------------------ page 6
    """5 THE SQUEEZING OF PROBABILITY MASS

Proposition 1. Let p be a softmax distribution over V outcomes and apply a negative gradient
step on the logit of an outcome k with p_k small. Then every outcome j with p_j larger than
the probability-weighted average gains probability, and the largest gain goes to the argmax
outcome. The gain of the argmax grows with its probability.

Proposition 1 has a simple consequence for preference finetuning. When the rejected response
is unlikely, as it is for off-policy data, pushing it down barely changes its own probability
but moves mass towards the most likely response, which is often not the chosen one. Repeated
over many steps, the distribution is squeezed: the head becomes sharper and almost all other
responses, including the chosen ones, lose probability. We call this process mass migration
and the resulting sharpening the squeezing effect.

Two factors control its strength. First, the more peaked the distribution after SFT, the
stronger the migration: a model trained for more SFT epochs squeezes faster under DPO. Second,
the further the rejected response lies in the tail, the larger the share of the removed mass
that goes to the head rather than to the chosen response.

The analysis also explains why on-policy DPO does not show the effect. Its rejected responses
are likely under the model, so the negative gradient removes mass from the head itself and
the anchor term spreads it over the remaining responses. We verify these predictions in
Section 7.""",
    # ------------------------------------------------------------------ page 7
    """6 EXPERIMENTAL SETUP

Models. We use four decoder-only models: Pythia-410M and Pythia-1.4B (Biderman et al., 2023),
and Qwen1.5-0.5B and Qwen1.5-1.8B (Bai et al., 2023). All models are first trained with SFT
on the chosen responses for 2 epochs, which gives the reference model of each DPO run.

Datasets. Anthropic-HH (Bai et al., 2022) contains 160,800 training pairs and 8,552 test pairs
of helpful and harmless dialogues. UltraFeedback (Cui et al., 2023) contains 61,135 training
pairs after we keep, for every prompt, the highest-rated completion as chosen and a randomly
drawn lower-rated completion as rejected.

Training. We train with AdamW, a learning rate of 5e-7 with 150 warm-up steps, a batch size of
64 pairs and beta = 0.1 for 8 epochs. Each run uses 4 NVIDIA A100 GPUs with 80 GB of memory;
one epoch on Anthropic-HH takes about 3.5 hours for Qwen1.5-1.8B.

Probing. Every 200 steps we evaluate, on a fixed probing set of 500 test prompts, the
log-probability of the chosen response, of the rejected response, of a greedy response and
of a rephrased chosen response, together with the share of probability mass held by the
most likely next token at each position (argmax share).

Evaluation. We measure the repetition rate as the fraction of generated 4-grams that already
occurred in the same response, and cross-question phrase reuse as the fraction of responses
that copy a phrase of 6 or more tokens from the chosen response of a different training
prompt. Win rates against the SFT model are judged by GPT-4 on 500 test prompts with the
order of the two responses randomised.""",
    # ------------------------------------------------------------------ page 8
    """7 RESULTS

7.1 Chosen responses lose probability under off-policy DPO

On all four models and both datasets, the log-probability of the chosen responses rises
during the first epoch and then falls. On Qwen1.5-0.5B trained on Anthropic-HH, it ends 4.7
nats below its value at the start of DPO after 8 epochs; on Pythia-410M the decline is 3.9
nats. At the same time the argmax share rises from 31% to 78% on Qwen1.5-0.5B, which is the
squeezing predicted by Proposition 1. Larger models squeeze more slowly but in the same way.

Table 1: Change of chosen log-probability (nats) after 8 epochs of DPO, argmax share after
training, and win rate against the SFT model (Anthropic-HH).

    Model           Method              Delta log p(y+)   Argmax share   Win rate
    Pythia-410M     off-policy DPO          -3.9              71%          49.8%
    Pythia-410M     Mirror-SFT + DPO        -1.5              44%          55.0%
    Pythia-1.4B     off-policy DPO          -3.1              66%          50.4%
    Qwen1.5-0.5B    off-policy DPO          -4.7              78%          51.2%
    Qwen1.5-0.5B    Mirror-SFT + DPO        -1.8              47%          58.9%
    Qwen1.5-0.5B    on-policy DPO           +0.6              38%          60.3%
    Qwen1.5-1.8B    off-policy DPO          -2.6              63%          53.7%

The rephrased chosen responses follow the chosen ones closely, whereas the greedy responses
keep gaining probability throughout training: the mass leaving the chosen responses goes to
the model's own most likely outputs, not to the preferred answers.""",
    # ------------------------------------------------------------------ page 9
    """7.2 Repetition and cross-question phrase reuse

Squeezing has visible consequences for generation. On Qwen1.5-0.5B the repetition rate of
greedy outputs rises from 3.1% after SFT to 11.4% after 8 epochs of off-policy DPO. Responses
become shorter on average, from 212 to 147 tokens, and more often end with the same closing
sentence regardless of the question.

Cross-question phrase reuse rises from 6.2% to 17.8%. Inspecting these cases, the copied
phrases typically come from chosen responses of prompts with a high kernel value K to the
test prompt: learning to prefer an answer to question B raises the probability of its phrases
in the answer to a similar question A. This is one concrete form of the hallucinations that
users report after preference finetuning.

7.3 Predictions of the decomposition

We test the two predictions of Section 5. First, we vary the number of SFT epochs before DPO
from 1 to 4 on Pythia-410M. Each additional SFT epoch raises the initial argmax share by about
6 points and makes the decline of chosen log-probabilities during DPO steeper, as predicted.
Second, we replace the rejected responses of UltraFeedback by responses sampled from the SFT
model itself. With these likelier rejected responses, the argmax share stays below 40% and
the chosen log-probability no longer falls.

Across all runs, the sign of the change in chosen log-probability predicted by the
decomposition on the probing set agrees with the measured sign in 87% of evaluation steps.""",
    # ------------------------------------------------------------------ page 10
    """8 MIRROR-SFT: PRE-LIFTING THE REJECTED RESPONSES

If mass migration happens because the rejected responses lie in the tail, a natural remedy is
to lift them before DPO begins. Mirror-SFT does exactly that: during the SFT stage we train on
both the chosen and the rejected response of each pair for 2 epochs, with the same learning
rate and batch size as ordinary SFT. The reference model of the subsequent DPO run is the
Mirror-SFT model. No other part of the pipeline changes, and the extra cost is one additional
response per prompt during SFT.

Mirror-SFT places the rejected responses closer to the head of the distribution, so the
negative gradient of DPO removes mass from responses that actually hold some, and less of it
migrates to the argmax. Averaged over the four models and both datasets, Mirror-SFT reduces
the decline of chosen log-probabilities by 62%. On Qwen1.5-0.5B and Anthropic-HH, the argmax
share after DPO is 47% instead of 78%, and the win rate against the SFT baseline rises from
51.2% to 58.9%. The repetition rate after DPO falls from 11.4% to 5.0%.

One might worry that training on rejected responses teaches the model bad behaviour. We find
that the harmlessness score of Mirror-SFT models on the Anthropic-HH red-teaming prompts is
within one point of the standard SFT models before DPO and higher after DPO, because the
subsequent DPO stage pushes the rejected responses down from a position where the push is
effective.""",
    # ------------------------------------------------------------------ page 11
    """9 DISCUSSION AND LIMITATIONS

On-policy training. On-policy DPO, which samples both responses of a pair from the current
model, avoids the squeezing effect in our experiments: on Qwen1.5-0.5B the chosen
log-probability rises by 0.6 nats and the win rate reaches 60.3%. Its cost is the sampling
and labelling of new pairs; in our setting it needed 3.2 times the compute of off-policy DPO.
Mirror-SFT recovers most of its benefit at the cost of a second SFT target per prompt.

Scale. All models in this study have at most 1.8 billion parameters. Larger models squeezed
more slowly in our runs, and it is possible that very large models are less affected; our
decomposition applies at any scale, but the size of the effect must be measured there.

Language and data. We study English datasets only. Preference data in other languages, and
multilingual models, may behave differently because their output distributions are less
peaked after SFT.

Kernel approximation. We approximate the empirical kernel with the last two transformer
blocks. The approximation is good on Pythia-410M, but we have not validated it on the larger
models, where the sign agreement of 87% may partly reflect this approximation.

Evaluation. Win rates judged by GPT-4 are known to favour longer responses. Because squeezing
shortens responses, this bias works against the off-policy DPO models and may overstate the
advantage of Mirror-SFT by a few points.""",
    # ------------------------------------------------------------------ page 12
    """10 CONCLUSION

We followed the probability mass that preference finetuning removes from rejected responses
and found that, for off-policy data, it mostly flows to the response the model already
prefers. This mass migration explains why chosen responses lose probability during long DPO
runs, why outputs become repetitive and why phrases travel between answers to similar
questions. A two-epoch Mirror-SFT stage that lifts the rejected responses before DPO removes
most of the effect at little cost. We hope that following probability mass, rather than only
the loss, will help practitioners diagnose other surprises of finetuning.

ACKNOWLEDGEMENTS

We thank the members of the Edinburgh NLP group for discussions, and the anonymous reviewers
for suggesting the on-policy comparison. Mara Okafor is supported by a UKRI Turing AI
Fellowship. Compute was provided by the NUS School of Computing and by the Berzelius cluster
at the National Supercomputer Centre in Sweden.

REPRODUCIBILITY STATEMENT

All datasets used in this paper are public. We release the training code, the probing sets
and the evaluation scripts at github.com/mokafor/mass-migration. Hyperparameters are listed in
Section 6; every number in Table 1 is the mean over three seeds, and the standard deviations
are below 0.3 nats for log-probabilities and below 1.5 points for win rates.""",
    # ------------------------------------------------------------------ page 13
    """REFERENCES

Jinze Bai, Shuai Bai, Yunfei Chu, Zeyu Cui, Kai Dang, Xiaodong Deng, et al. Qwen technical
report. arXiv preprint arXiv:2309.16609, 2023.

Yuntao Bai, Andy Jones, Kamal Ndousse, Amanda Askell, Anna Chen, Nova DasSarma, et al. Training
a helpful and harmless assistant with reinforcement learning from human feedback. arXiv
preprint arXiv:2204.05862, 2022.

Stella Biderman, Hailey Schoelkopf, Quentin Anthony, Herbie Bradley, Kyle O'Brien, Eric
Hallahan, et al. Pythia: A suite for analyzing large language models across training and
scaling. In International Conference on Machine Learning (ICML), 2023.

Ganqu Cui, Lifan Yuan, Ning Ding, Guanming Yao, Wei Zhu, Yuan Ni, et al. UltraFeedback:
Boosting language models with high-quality feedback. arXiv preprint arXiv:2310.01377, 2023.

Ari Holtzman, Jan Buys, Li Du, Maxwell Forbes, and Yejin Choi. The curious case of neural text
degeneration. In International Conference on Learning Representations (ICLR), 2020.

Arthur Jacot, Franck Gabriel, and Clement Hongler. Neural tangent kernel: Convergence and
generalization in neural networks. In Advances in Neural Information Processing Systems
(NeurIPS), 2018.

Long Ouyang, Jeff Wu, Xu Jiang, Diogo Almeida, Carroll L. Wainwright, Pamela Mishkin, et al.
Training language models to follow instructions with human feedback. In Advances in Neural
Information Processing Systems (NeurIPS), 2022.""",
    # ------------------------------------------------------------------ page 14
    """Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning, and
Chelsea Finn. Direct preference optimization: Your language model is secretly a reward model.
In Advances in Neural Information Processing Systems (NeurIPS), 2023.

John Schulman, Filip Wolski, Prafulla Dhariwal, Alec Radford, and Oleg Klimov. Proximal policy
optimization algorithms. arXiv preprint arXiv:1707.06347, 2017.

Fahim Tajwar, Anikait Singh, Archit Sharma, Rafael Rafailov, Jeff Schneider, Tengyang Xie,
et al. Preference fine-tuning of LLMs should leverage suboptimal, on-policy data. In
International Conference on Machine Learning (ICML), 2024.

Jason Wei, Maarten Bosma, Vincent Y. Zhao, Kelvin Guu, Adams Wei Yu, Brian Lester, et al.
Finetuned language models are zero-shot learners. In International Conference on Learning
Representations (ICLR), 2022.""",
]
